#!/usr/bin/env bash
# Builds the studio's app image: a trimmed Java runtime with the JavaFX modules (jlink, options in
# ../jlink.config), and around it a launcher and the application's jars (jpackage --type app-image).
#   packaging/build-app-image.sh            -> target/dist/cgan-studio/bin/cgan-studio
#
# DL4J and its natives are not modules, so they cannot be linked: they go on the class path of the
# image. JavaFX is linked from the modular jars Maven already fetched (no JavaFX jmods are needed);
# JavaFX extracts its native libraries from them on first start, into ~/.openjfx/cache.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
target="$here/target"
# Maven's colour codes survive -B here; strip them from the values read.
evaluate() { mvn -B -q help:evaluate -Dexpression="$1" -DforceStdout | sed 's/\x1b\[[0-9;]*m//g'; }
version="$(evaluate javafx.version)"
repo="$(evaluate settings.localRepository)"

echo "building the jar and collecting its dependencies..." >&2
rm -rf "$target/app" "$target/runtime" "$target/dist"
mvn -B -q -DskipTests package dependency:copy-dependencies -DincludeScope=runtime \
    -DexcludeGroupIds=org.openjfx -DoutputDirectory="$target/app/lib"
cp "$target"/cgan-studio-*.jar "$target/app/lib/cgan-studio.jar"
# Native libraries the studio never loads (140 MB of the 370): the plain ND4J build (Dl4jRuntime
# picks the oneDNN one), and the image codecs DataVec brings (OpenCV, FFmpeg, Leptonica).
rm -f "$target/app/lib"/nd4j-native-*-linux-x86_64.jar "$target/app/lib"/{opencv,ffmpeg,leptonica}-*.jar

echo "linking the runtime (JDK modules and JavaFX $version)..." >&2
javafx_jars=""
for module in base graphics controls swing; do
  javafx_jars+=":$repo/org/openjfx/javafx-$module/$version/javafx-$module-$version-linux.jar"
done
jlink @"$here/jlink.config" --module-path "${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}/jmods$javafx_jars" \
    --output "$target/runtime"

echo "packaging the app image..." >&2
jpackage --type app-image --name cgan-studio --app-version 0.1.0 \
    --runtime-image "$target/runtime" \
    --input "$target/app/lib" --main-jar cgan-studio.jar --main-class dev.cganstudio.ui.StudioLauncher \
    --java-options "-Xmx4g" \
    --dest "$target/dist"

echo "app image: $target/dist/cgan-studio ($(du -sh "$target/dist/cgan-studio" | cut -f1)); start it with" >&2
echo "  $target/dist/cgan-studio/bin/cgan-studio" >&2
