#!/usr/bin/env bash
# Install the Debian packages qemu-cr16 builds with, if any are missing.
# Prints which packages are missing when it cannot install them.
set -u

packages=(
    meson ninja-build pkg-config gcc make python3
    libglib2.0-dev libpixman-1-dev libfdt-dev libslirp-dev
    libcapstone-dev libjansson-dev libelf-dev
    python3-sphinx python3-sphinx-rtd-theme
)

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done

if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi

echo "install-deps: installing ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        sudo="sudo"
    else
        echo "install-deps: missing Debian packages: ${missing[*]} (run as root: apt-get install ${missing[*]})" >&2
        exit 1
    fi
fi
export DEBIAN_FRONTEND=noninteractive
if ! $sudo apt-get install -y -q "${missing[@]}" >/dev/null 2>&1; then
    $sudo apt-get update -q >/dev/null 2>&1
    if ! $sudo apt-get install -y -q "${missing[@]}"; then
        echo "install-deps: could not install: ${missing[*]}" >&2
        exit 1
    fi
fi
