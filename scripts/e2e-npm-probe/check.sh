#!/usr/bin/env sh
# The check code-server's postinstall makes: the Node major, read from $npm_config_user_agent, must be the Node that
# runs this install. It differs when the npm running us took an outer npm's user agent (see scripts/e2e-setup.sh).
set -eu
from_agent=$(echo "${npm_config_user_agent:-}" | sed -n 's/.*node\/v\([^.]*\).*/\1/p')
running=$(node -p 'process.versions.node.split(".")[0]')
if [ "$from_agent" != "$running" ]; then
  echo "e2e-npm-probe: npm says node v$from_agent (npm_config_user_agent=\"${npm_config_user_agent:-}\") but node v$running runs the install: an outer npm's variables leaked into this npm" >&2
  exit 1
fi
echo "e2e-npm-probe: node v$running, as npm_config_user_agent says (\"$npm_config_user_agent\")"
