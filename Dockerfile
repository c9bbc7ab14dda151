# syntax=docker/dockerfile:1
# Lodestar's production image: Next.js's standalone output run as `node server.js` by a non-root
# user, with a health check on /api/health. `--target tools` gives the full app (scripts, tsx) for
# the job runner and one-off commands (seed, import, migrate). See README "Several instances".
ARG NODE_IMAGE=node:22-bookworm-slim

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1 BUILD_STANDALONE=1
COPY --from=deps /app/node_modules ./node_modules
COPY . .
RUN npm run build

# The job runner and the command-line tools: the whole app with its dependencies.
FROM ${NODE_IMAGE} AS tools
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1
RUN groupadd --system --gid 1001 lodestar && useradd --system --uid 1001 --gid lodestar lodestar
COPY --from=build --chown=lodestar:lodestar /app ./
# the report archive's directory, owned by the app's user (an empty volume mounted here takes it over)
RUN mkdir -p /app/data/reports && chown lodestar:lodestar /app/data/reports
USER lodestar
CMD ["npm", "run", "jobs"]

# A web instance: only the standalone server and the static files it serves.
FROM ${NODE_IMAGE} AS web
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0
# glibc gives each thread that allocates (the PDF workers, libuv's pool) its own malloc arena and
# keeps freed memory in them: under mixed load the server's resident memory grew ~250 MB more in
# 3 minutes with the default arenas than with two (bench/load/README.md, "Soak")
ENV MALLOC_ARENA_MAX=2
RUN groupadd --system --gid 1001 lodestar && useradd --system --uid 1001 --gid lodestar lodestar \
  && mkdir -p /app/data/reports && chown -R lodestar:lodestar /app/data
COPY --from=build --chown=lodestar:lodestar /app/.next/standalone ./
COPY --from=build --chown=lodestar:lodestar /app/.next/static ./.next/static
USER lodestar
EXPOSE 3000
# ready while the database answers (Redis down only degrades it); SIGTERM drains (lib/server/shutdown.ts)
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
STOPSIGNAL SIGTERM
CMD ["node", "server.js"]
