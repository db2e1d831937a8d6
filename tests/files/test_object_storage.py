"""Media in an S3-compatible bucket (MEDIA_STORAGE=s3, cms.storage), over a real S3 connection.

The S3 server is moto's standalone server, started here as a process on a loopback port (no other
S3-compatible server installs from the package registries this project uses).
"""

import socket
import subprocess
import sys
import time

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.files.storage import storages
from django.test import override_settings

import pytest

from cms.settings.env import media_storage
from tests.files.conftest import image, use

boto3 = pytest.importorskip("boto3", reason="the object-storage tests need the test extra")

BUCKET = "sozialestadt-media"
CREDENTIALS = {"AWS_ACCESS_KEY_ID": "test-key", "AWS_SECRET_ACCESS_KEY": "test-secret"}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def s3_endpoint():
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 30
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                pytest.fail("moto's S3 server did not start")
            time.sleep(0.2)
    endpoint = f"http://127.0.0.1:{port}"
    client = boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="eu-central-1",
        aws_access_key_id=CREDENTIALS["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=CREDENTIALS["AWS_SECRET_ACCESS_KEY"],
    )
    client.create_bucket(
        Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-central-1"}
    )
    yield endpoint, client
    server.terminate()
    server.wait(timeout=10)


@pytest.fixture
def bucket(s3_endpoint, monkeypatch):
    """The default storage is the bucket, configured the way the environment configures it."""
    endpoint, client = s3_endpoint
    for name, value in {
        **CREDENTIALS,
        "AWS_STORAGE_BUCKET_NAME": BUCKET,
        "AWS_S3_ENDPOINT_URL": endpoint,
        "AWS_S3_REGION_NAME": "eu-central-1",
    }.items():
        monkeypatch.setenv(name, value)
    with override_settings(STORAGES={**settings.STORAGES, "default": media_storage("s3")}):
        yield client


def keys(client) -> set[str]:
    return {item["Key"] for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", [])}


def test_uploads_and_renditions_land_in_the_bucket_and_are_served(client, world, bucket):
    picture = image("Zeche im Bucket")
    use(world.tree.katernberg, hero=picture)  # shown on a live page: public
    rendition = picture.get_rendition("max-400x300")
    assert {picture.file.name, rendition.file.name} <= keys(bucket)
    assert rendition.url == f"/media/{rendition.file.name}"  # our view, not the bucket

    response = client.get(rendition.url)
    assert response.status_code == 200
    body = b"".join(response.streaming_content)
    stored = bucket.get_object(Bucket=BUCKET, Key=rendition.file.name)["Body"].read()
    assert body == stored
    assert "immutable" in response["Cache-Control"]


def test_private_images_in_the_bucket_stay_private(client, world, bucket):
    picture = image("Unveröffentlicht im Bucket")
    assert picture.file.name in keys(bucket)
    assert client.get(picture.file.url).status_code == 404
    client.force_login(world.users.moderator)
    response = client.get(picture.file.url)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_a_second_application_server_reads_the_same_files(world, bucket):
    """Another process with the same settings (another application server) sees the file."""
    picture = image("Geteilt")
    other = type(storages["default"])(**media_storage("s3")["OPTIONS"])
    with other.open(picture.file.name) as handle:
        assert (
            handle.read() == bucket.get_object(Bucket=BUCKET, Key=picture.file.name)["Body"].read()
        )


def test_unknown_storage_kind_is_a_clear_error():
    with pytest.raises(ImproperlyConfigured, match="MEDIA_STORAGE"):
        media_storage("ftp")
