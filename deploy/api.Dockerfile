# syntax=docker/dockerfile:1
# The API image: `docker build -f deploy/api.Dockerfile -t motovaultpro/api .` from the repository root.

FROM node:22-alpine AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npx nest build api

FROM node:22-alpine AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force
COPY config ./config
COPY --from=build /src/dist/api ./dist/api
# DATA_DIR and its documents are volumes in docker-compose.yml and /tmp a tmpfs: the API writes
# nowhere else, so the root file system can be read-only.
RUN mkdir -p /app/data/documents && chown -R node:node /app/data
USER node
EXPOSE 3001
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3001/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# The flags are scripts/lib/api-launch.ts's apiNodeFlags.
CMD ["node", "--max-semi-space-size=16", "--heap-growing-percent=30", "dist/api/api/src/main.js"]
