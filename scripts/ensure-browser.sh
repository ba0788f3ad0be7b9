#!/usr/bin/env bash
# Makes sure Playwright has a Chromium to drive. Browser downloads are blocked on our machines, so on
# Debian we use the distribution's chromium (plus a Korean font, so Korean UI text renders in screenshots);
# elsewhere Playwright's own build is fine.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "Installing Debian's chromium for the end-to-end tests..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-nanum >/dev/null
  exit 0
fi
echo "No /usr/bin/chromium: installing Playwright's own Chromium..."
npx playwright install chromium
