# syntax=docker/dockerfile:1
# The web app: the Angular build served by unprivileged nginx on 8080.
# `docker build -f deploy/web.Dockerfile -t motovaultpro/web .` from the repository root.

FROM node:22-alpine AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
# compress-web.ts writes .br and .gz beside each text file: default.conf sends the .br to browsers
# that accept brotli, gzip_static the .gz to the others.
RUN npx ng build web && npx tsx scripts/compress-web.ts

FROM nginxinc/nginx-unprivileged:1.27-alpine AS runtime
COPY deploy/nginx/default.conf /etc/nginx/conf.d/default.conf
COPY --from=build /src/dist/web/browser /usr/share/nginx/html
USER nginx
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
  CMD ["wget", "-q", "-O", "/dev/null", "http://127.0.0.1:8080/health"]
