# syntax=docker/dockerfile:1
# Roundtable worker: BullMQ consumers (translation, digests, outbox relay…).
# No HTTP port. Ships Apertium with the EN-ES and FR-ES pairs, the default
# offline translation engine.
# Build from the repository root:  docker build -f docker/worker.Dockerfile .

ARG NODE_IMAGE=node:20-bookworm-slim

# --- build: compile TypeScript ----------------------------------------------
FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV SCARF_ANALYTICS=false
COPY package.json package-lock.json ./
# `npm install` only when `npm ci` rejects a lock lacking other platforms'
# optional packages (see scripts/lib/services.mjs, ensureDependencies)
RUN npm ci --include=dev --no-audit --no-fund || npm install --include=dev --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY apps ./apps
COPY libs ./libs
COPY migrations ./migrations
RUN npm run build

# --- deps: production node_modules only -------------------------------------
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
ENV SCARF_ANALYTICS=false
COPY package.json package-lock.json ./
RUN (npm ci --omit=dev --no-audit --no-fund || npm install --omit=dev --no-audit --no-fund) \
 && npm cache clean --force

# --- runtime -----------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
RUN apt-get update \
 && apt-get install -y --no-install-recommends apertium apertium-eng-spa apertium-fr-es apertium-eng-cat apertium-fra-cat \
 && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production TRANSLATION_PROVIDER=apertium
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY docker/healthcheck.js ./docker/healthcheck.js
USER node
HEALTHCHECK --interval=15s --timeout=10s --start-period=30s --retries=3 \
  CMD ["node", "docker/healthcheck.js", "worker"]
# Node flags as in scripts/lib/node-args.json (test/compose.spec.ts checks they agree)
CMD ["node", "dist/apps/worker/src/main.js"]
