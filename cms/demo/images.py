"""Generated illustrations for the demo content (no stock photos, no downloads).

Each picture is a simple neighbourhood scene drawn with Pillow from a seed, so the demo has
real images with renditions, alt texts and captions, identical on every machine.
"""

import io
import random

from PIL import Image as PILImage
from PIL import ImageDraw

PALETTES = [
    ("#0b5d66", "#7fb7be", "#f2b134", "#e9eef0"),
    ("#5b3c88", "#b9a4d8", "#f28c38", "#f3eff8"),
    ("#2f6f3e", "#9fd0a8", "#e0573b", "#eef6ef"),
    ("#8a3b12", "#e7b48f", "#2c7da0", "#fbf1ea"),
    ("#1f4e79", "#9cc3e6", "#f2c14e", "#edf3f9"),
]


def neighbourhood_scene(seed: int, width: int = 1600, height: int = 900) -> bytes:
    rng = random.Random(seed)
    dark, light, accent, sky = PALETTES[seed % len(PALETTES)]
    image = PILImage.new("RGB", (width, height), sky)
    draw = ImageDraw.Draw(image)

    # Sun and a few clouds.
    sun_x = rng.randint(width // 6, width - width // 6)
    draw.ellipse((sun_x - 70, 80, sun_x + 70, 220), fill=accent)
    for _ in range(3):
        cx, cy = rng.randint(0, width), rng.randint(60, 260)
        for dx in (-60, 0, 60):
            draw.ellipse((cx + dx - 70, cy - 35, cx + dx + 70, cy + 35), fill="#ffffff")

    ground = int(height * 0.78)
    draw.rectangle((0, ground, width, height), fill=light)
    draw.polygon(
        [
            (width * 0.42, height),
            (width * 0.5, ground),
            (width * 0.56, ground),
            (width * 0.7, height),
        ],
        fill="#d8d2c4",
    )

    x = -rng.randint(0, 60)
    while x < width:
        w = rng.randint(140, 260)
        h = rng.randint(220, 460)
        color = rng.choice([dark, light, "#ffffff", accent]) if rng.random() < 0.3 else dark
        draw.rectangle((x, ground - h, x + w, ground), fill=color)
        if rng.random() < 0.5:
            draw.polygon(
                [(x - 10, ground - h), (x + w / 2, ground - h - 70), (x + w + 10, ground - h)],
                fill=accent,
            )
        window = "#fff6d6" if color in (dark,) else dark
        for wy in range(ground - h + 30, ground - 60, 60):
            for wx in range(x + 20, x + w - 40, 50):
                if rng.random() < 0.8:
                    draw.rectangle((wx, wy, wx + 26, wy + 34), fill=window)
        x += w + rng.randint(10, 50)

    for _ in range(rng.randint(4, 7)):
        tx = rng.randint(0, width)
        draw.rectangle((tx - 8, ground - 20, tx + 8, ground + 40), fill="#6b4f2a")
        draw.ellipse((tx - 55, ground - 130, tx + 55, ground - 10), fill="#3f8f4f")

    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=82, optimize=True)
    return buffer.getvalue()
