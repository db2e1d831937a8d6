"""Generated illustrations for the demo content (no stock photos, no downloads).

Each picture is a simple scene of neighbourhood life drawn with Pillow from a seed (a street of
houses, a park, a weekly market, a workshop round a table, a playground), so the demo has real
images with renditions, alt texts and captions, identical on every machine.
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


def _canvas(seed: int, width: int, height: int):
    rng = random.Random(seed)
    palette = PALETTES[seed % len(PALETTES)]
    image = PILImage.new("RGB", (width, height), palette[3])
    return rng, palette, image, ImageDraw.Draw(image)


def _jpeg(image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=82, optimize=True)
    return buffer.getvalue()


def _tree(draw, x: int, ground: int, size: int, leaves: str = "#3f8f4f") -> None:
    draw.rectangle((x - size // 8, ground - size, x + size // 8, ground), fill="#6b4f2a")
    draw.ellipse(
        (x - size // 2, ground - size * 2, x + size // 2, ground - size // 2), fill=leaves
    )


def _person(draw, x: int, y: int, size: int, color: str) -> None:
    """A person seen from the front: head and shoulders."""
    draw.ellipse((x - size // 2, y - size * 2, x + size // 2, y - size), fill="#e8c4a0")
    draw.pieslice((x - size, y - size, x + size, y + size), 180, 360, fill=color)


def park_scene(seed: int, width: int = 1600, height: int = 900) -> bytes:
    """A neighbourhood park: lawn, a winding path, a pond, trees and benches."""
    rng, (dark, _light, accent, _sky), image, draw = _canvas(seed, width, height)
    horizon = int(height * 0.45)
    draw.rectangle((0, horizon, width, height), fill="#8cc084")
    for x in range(0, width, 140):  # houses at the park's edge
        h = rng.randint(80, 160)
        draw.rectangle((x, horizon - h, x + 120, horizon), fill=dark)
    draw.ellipse((width * 0.55, height * 0.6, width * 0.9, height * 0.85), fill="#6fb3d2")
    path = [(0, height * 0.9), (width * 0.3, height * 0.7), (width * 0.5, height * 0.62)]
    path += [(width, height * 0.55)]
    draw.line(path, fill="#d8d2c4", width=60, joint="curve")
    for _ in range(rng.randint(6, 9)):
        _tree(draw, rng.randint(0, width), rng.randint(horizon + 40, height - 60), 90)
    for _ in range(3):
        bx, by = rng.randint(80, width - 200), rng.randint(horizon + 120, height - 80)
        draw.rectangle((bx, by, bx + 120, by + 16), fill=accent)
        draw.rectangle((bx + 10, by + 16, bx + 20, by + 40), fill="#4a5561")
        draw.rectangle((bx + 100, by + 16, bx + 110, by + 40), fill="#4a5561")
    return _jpeg(image)


def market_scene(seed: int, width: int = 1600, height: int = 900) -> bytes:
    """A weekly market on a square: stalls with striped awnings and people."""
    rng, (dark, light, accent, _sky), image, draw = _canvas(seed, width, height)
    ground = int(height * 0.62)
    draw.rectangle((0, ground, width, height), fill="#d8d2c4")
    for x in range(-40, width, 220):
        draw.rectangle((x, ground - rng.randint(260, 420), x + 200, ground), fill=light)
    x = 60
    while x < width - 260:
        stall_width = rng.randint(220, 300)
        top = ground - 40
        for stripe in range(0, stall_width, 40):
            color = accent if (stripe // 40) % 2 else "#ffffff"
            draw.rectangle(
                (x + stripe, top - 90, x + min(stripe + 40, stall_width), top), fill=color
            )
        draw.rectangle((x + 10, top, x + stall_width - 10, top + 110), fill=dark)
        for fruit in range(rng.randint(5, 9)):
            fx = x + 30 + fruit * (stall_width - 60) // 9
            draw.ellipse(
                (fx, top - 10, fx + 26, top + 16),
                fill=rng.choice(["#e0573b", "#f2b134", "#2f6f3e"]),
            )
        x += stall_width + rng.randint(60, 120)
    for _ in range(rng.randint(6, 10)):
        _person(
            draw,
            rng.randint(40, width - 40),
            rng.randint(ground + 150, height - 20),
            34,
            rng.choice([dark, accent, "#5b3c88", "#2c7da0"]),
        )
    return _jpeg(image)


def workshop_scene(seed: int, width: int = 1600, height: int = 900) -> bytes:
    """A workshop: people round a table with cards on a pin board behind them."""
    rng, (dark, light, accent, _sky), image, draw = _canvas(seed, width, height)
    draw.rectangle((width * 0.1, height * 0.08, width * 0.9, height * 0.45), fill="#c8a46e")
    for row in range(3):
        for column in range(8):
            if rng.random() < 0.8:
                cx = width * 0.13 + column * width * 0.095
                cy = height * 0.11 + row * height * 0.11
                color = rng.choice(["#ffffff", accent, light, "#f6d6e0"])
                draw.rectangle((cx, cy, cx + width * 0.075, cy + height * 0.08), fill=color)
    table_top = int(height * 0.7)
    seats = rng.randint(5, 7)
    for seat in range(seats):
        x = int(width * 0.2 + seat * width * 0.6 / (seats - 1))
        _person(
            draw, x, table_top, 48, rng.choice([dark, accent, "#5b3c88", "#2c7da0", "#8a3b12"])
        )
    draw.rectangle((width * 0.12, table_top, width * 0.88, table_top + 40), fill=dark)
    draw.rectangle((width * 0.15, table_top + 40, width * 0.17, height), fill=dark)
    draw.rectangle((width * 0.83, table_top + 40, width * 0.85, height), fill=dark)
    return _jpeg(image)


def playground_scene(seed: int, width: int = 1600, height: int = 900) -> bytes:
    """A playground between houses: slide, swing, sandpit and trees."""
    rng, (dark, light, accent, _sky), image, draw = _canvas(seed, width, height)
    ground = int(height * 0.7)
    for x in range(0, width, 260):
        draw.rectangle((x, ground - rng.randint(300, 480), x + 230, ground), fill=light)
    draw.rectangle((0, ground, width, height), fill="#9fd0a8")
    draw.ellipse((width * 0.05, height * 0.78, width * 0.35, height * 0.95), fill="#f3dfa2")
    # slide
    draw.rectangle((width * 0.45, ground - 260, width * 0.47, ground + 60), fill=dark)
    draw.polygon(
        [
            (width * 0.47, ground - 250),
            (width * 0.62, ground + 60),
            (width * 0.66, ground + 60),
            (width * 0.49, ground - 250),
        ],
        fill=accent,
    )
    # swing
    left, right, top = int(width * 0.72), int(width * 0.92), ground - 280
    draw.line(
        [(left, ground + 60), (left + 40, top), (right - 40, top), (right, ground + 60)],
        fill=dark,
        width=16,
    )
    for seat_x in (left + 80, right - 110):
        draw.line([(seat_x, top), (seat_x, ground - 40)], fill="#4a5561", width=5)
        draw.line([(seat_x + 30, top), (seat_x + 30, ground - 40)], fill="#4a5561", width=5)
        draw.rectangle((seat_x - 5, ground - 45, seat_x + 35, ground - 30), fill=accent)
    for _ in range(3):
        _tree(draw, rng.randint(0, width), ground + 10, 80)
    return _jpeg(image)


SCENES = {
    "street": neighbourhood_scene,
    "park": park_scene,
    "market": market_scene,
    "workshop": workshop_scene,
    "playground": playground_scene,
}


def scene(kind: str, seed: int) -> bytes:
    """An illustration of ``kind`` (one of ``SCENES``) from ``seed``."""
    return SCENES[kind](seed)
