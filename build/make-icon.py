#!/usr/bin/env python3
"""Draws build/icon.png (1024x1024 RGBA), the app icon electron-builder turns into .icns/.ico.

A neuron (soma, dendrites, axon with terminals) in white on a rounded square shading from indigo to
teal. Shapes are signed distance fields, so edges are anti-aliased without supersampling.
Run: python3 build/make-icon.py  (needs numpy; the PNG is written with zlib and struct only)
"""
import struct
import zlib
from pathlib import Path

import numpy as np

SIZE = 1024
y, x = np.mgrid[0:SIZE, 0:SIZE].astype(np.float64) + 0.5
u, v = x / SIZE, y / SIZE  # 0..1 coordinates


def coverage(dist_px):
    return np.clip(0.5 - dist_px, 0.0, 1.0)


def rounded_rect(cx, cy, half, radius):
    qx = np.abs(x - cx) - (half - radius)
    qy = np.abs(y - cy) - (half - radius)
    outside = np.hypot(np.maximum(qx, 0), np.maximum(qy, 0))
    inside = np.minimum(np.maximum(qx, qy), 0)
    return outside + inside - radius


def circle(cx, cy, r):
    return np.hypot(x - cx * SIZE, y - cy * SIZE) - r * SIZE


def capsule(ax, ay, bx, by, r):
    ax, ay, bx, by = ax * SIZE, ay * SIZE, bx * SIZE, by * SIZE
    px, py = x - ax, y - ay
    dx, dy = bx - ax, by - ay
    h = np.clip((px * dx + py * dy) / (dx * dx + dy * dy), 0, 1)
    return np.hypot(px - dx * h, py - dy * h) - r * SIZE


# Background: rounded square, 6 % margin, diagonal gradient indigo → teal.
bg = coverage(rounded_rect(SIZE / 2, SIZE / 2, SIZE * 0.44, SIZE * 0.10))
t = np.clip((u + v) / 2, 0, 1)[..., None]
top, bottom = np.array([38, 52, 122], float), np.array([22, 160, 160], float)
rgb = top * (1 - t) + bottom * t

# Neuron: soma, five dendrites with tips, an axon to three terminals.
soma = (0.42, 0.42)
parts = [circle(*soma, 0.105)]
for end, width in [((0.20, 0.22), 0.028), ((0.44, 0.16), 0.026), ((0.66, 0.26), 0.026), ((0.18, 0.50), 0.026), ((0.27, 0.70), 0.024)]:
    parts.append(capsule(*soma, *end, width))
    parts.append(circle(*end, width * 1.7))
axon_end = (0.70, 0.70)
parts.append(capsule(*soma, *axon_end, 0.030))
for end in [(0.82, 0.66), (0.78, 0.82), (0.64, 0.84)]:
    parts.append(capsule(*axon_end, *end, 0.020))
    parts.append(circle(*end, 0.040))
neuron = coverage(np.minimum.reduce(parts))[..., None]
rgb = rgb * (1 - neuron) + np.array([250, 250, 255], float) * neuron

rgba = np.dstack([np.clip(rgb, 0, 255), bg * 255]).round().astype(np.uint8)


def png(pixels):
    h, w, _ = pixels.shape
    raw = b"".join(b"\x00" + pixels[row].tobytes() for row in range(h))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 6, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


out = Path(__file__).with_name("icon.png")
out.write_bytes(png(rgba))
print(f"wrote {out} ({SIZE}x{SIZE})")
