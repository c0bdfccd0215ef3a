# syntax=docker/dockerfile:1
# Roundtable api: HTTP + Socket.IO on $PORT (3000), serving the web app too.
# Build from the repository root:  docker build -f docker/api.Dockerfile .

ARG NODE_IMAGE=node:20-bookworm-slim

# --- build: compile TypeScript (and the web app when it has a build) --------
FROM ${NODE_IMAGE} AS build
WORKDIR /app
# npm 10 in the image runs dependencies' install scripts; keep analytics quiet
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
# Ship the built web app when there is one, else its static public/ folder.
RUN set -e; mkdir -p /web; \
    if [ -f apps/web/package.json ]; then \
      if [ -f apps/web/package-lock.json ]; then npm ci --prefix apps/web --no-audit --no-fund; \
      else npm install --prefix apps/web --no-audit --no-fund; fi; \
      npm run build --prefix apps/web; \
    fi; \
    if [ -d apps/web/dist ]; then cp -r apps/web/dist /web/dist; \
    else mkdir -p apps/web/public && cp -r apps/web/public /web/public; fi

# --- deps: production node_modules only -------------------------------------
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
ENV SCARF_ANALYTICS=false
COPY package.json package-lock.json ./
RUN (npm ci --omit=dev --no-audit --no-fund || npm install --omit=dev --no-audit --no-fund) \
 && npm cache clean --force

# --- runtime -----------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production PORT=3000
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /web ./apps/web
COPY package.json ./
COPY docker/healthcheck.js ./docker/healthcheck.js
# The image's files stay root-owned and read-only for the app's user.
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "docker/healthcheck.js", "api"]
# Node flags as in scripts/lib/node-args.json (test/compose.spec.ts checks they agree)
CMD ["node", "--max-semi-space-size=4", "dist/apps/api/src/main.js"]
