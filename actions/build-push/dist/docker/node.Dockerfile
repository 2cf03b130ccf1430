# syntax=docker/dockerfile:1
# tierdeploy bundled template for Node.js / TypeScript services (build.template: node), used when the service has
# no Dockerfile of its own. The build context is the service directory: it needs package.json (with a "build"
# script writing dist/), ideally package-lock.json, and an entry point at dist/index.js (override with ENTRY).

ARG NODE_VERSION=20

# ---- build: every dependency, then compile ----
FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /app
COPY package*.json ./
# npm ci when a lock file exists (reproducible), npm install otherwise.
RUN if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi
COPY . .
RUN npm run build

# ---- runtime: production dependencies and the compiled output only, as a non-root user ----
FROM node:${NODE_VERSION}-bookworm-slim AS runtime
ARG ENTRY=dist/index.js
ENV NODE_ENV=production \
    PORT=3000 \
    ENTRY=${ENTRY}
WORKDIR /app
COPY package*.json ./
RUN if [ -f package-lock.json ]; then npm ci --omit=dev --no-audit --no-fund; else npm install --omit=dev --no-audit --no-fund; fi \
    && npm cache clean --force
COPY --from=build --chown=node:node /app/dist ./dist
# The node image's built-in unprivileged user (uid 1000).
USER node
EXPOSE 3000
# exec so node is PID 1's direct child and receives ECS's SIGTERM on a deploy.
CMD ["sh", "-c", "exec node \"$ENTRY\""]
