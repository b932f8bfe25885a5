#!/usr/bin/env bash
# Takes the README's screenshots of the real studio on real MNIST, under Xvfb, with real mouse
# input from xdotool. Development only; needs xvfb, xdotool, imagemagick and a trained judge in
# the cache (any earlier training leaves one).
#   xvfb-run -a -s "-screen 0 1440x900x24" docs/screenshots/take.sh MNIST_DIR [TRAIN_SECONDS]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="$here/docs/screenshots"
export CGAN_MNIST_DIR="$1"
train_seconds="${2:-240}"
cd "$here"
./cgan studio > "${STUDIO_LOG:-/tmp/studio-screenshots.log}" 2>&1 &
studio=$!
trap 'kill $studio 2>/dev/null || true' EXIT

until xdotool search --name "cGAN Studio" >/dev/null 2>&1; do sleep 1; done
sleep 3
click() { xdotool mousemove "$1" "$2" click 1; sleep 1; }

# Train: set 20 epochs, start, let it run, click a digit of the grid to enlarge it, shoot.
click 192 169
xdotool key ctrl+a type "20"
xdotool key Return
click 72 370
sleep "$train_seconds"
click 1120 420
sleep 2
import -window root "$out/training.png"

# Generate: a row of 7s from the generator being trained.
click 89 58
click 451 206
sleep 3
import -window root "$out/generate.png"

# Draw: a 4 with the mouse, in two strokes.
click 151 58
stroke() {
  xdotool mousemove "$1" "$2" mousedown 1
  shift 2
  while (($#)); do xdotool mousemove "$1" "$2"; sleep 0.03; shift 2; done
  xdotool mouseup 1
}
stroke 138 191 118 241 98 291 88 321 158 321 228 321
stroke 198 211 200 271 202 341 204 401
sleep 3
import -window root "$out/draw.png"

# Stop the run so the log gets its longest FX-thread stall.
click 28 58
click 281 370
sleep 20
