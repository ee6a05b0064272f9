# The all-in-one platform (apps/platform), run as `npm start` runs it: SWC transpiles on load, so the
# image holds the sources and the full dependency tree. Built from the repository root:
#   docker build -f infra/platform.Dockerfile -t coordination/platform:local .
FROM node:20-bookworm-slim

# better-sqlite3 builds from source when its prebuilt binary cannot be fetched (TOOLCHAIN.md).
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund
COPY . .

ENV NODE_ENV=production PORT=3000 DATA_DIR=/var/lib/coordination
RUN mkdir -p /var/lib/coordination && chown node:node /var/lib/coordination
USER node
EXPOSE 3000
CMD ["node", "tools/run-ts.js", "apps/platform/src/main.ts"]
