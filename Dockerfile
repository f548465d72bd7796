# syntax=docker/dockerfile:1
# One Dockerfile for every OpenLines service; the build argument APP picks which one the image runs:
#   docker build --build-arg APP=sessions -t openlines/sessions .
# Stages: deps (all packages, for the build) -> build (tsc to dist/) -> prod-deps (production
# packages only) -> runtime (node slim, non-root, only what `node tools/run-service.js` needs).
ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund

FROM deps AS build
COPY tsconfig.base.json tsconfig.build.json ./
COPY apps ./apps
COPY libs ./libs
RUN npm run build

FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --no-audit --no-fund

FROM ${NODE_IMAGE} AS runtime
ARG APP
# Fail the build early instead of shipping an image that runs nothing (or every app's code).
RUN case "$APP" in \
      channels|clients|sessions|metrics|gateway) ;; \
      *) echo "build with --build-arg APP=<channels|clients|sessions|metrics|gateway>" >&2; exit 1 ;; \
    esac
LABEL org.opencontainers.image.title="openlines-${APP}" \
      org.opencontainers.image.description="OpenLines ${APP} service" \
      org.opencontainers.image.licenses="Apache-2.0"
ENV NODE_ENV=production \
    APP=${APP}
WORKDIR /app
# Files stay owned by root: the service user can read its code but never change it.
COPY package.json ./
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/dist/libs ./dist/libs
COPY --from=build /app/dist/apps/${APP} ./dist/apps/${APP}
COPY tools/register-paths.js tools/run-service.js ./tools/
COPY deploy/services.json ./deploy/services.json
COPY deploy/docker/healthcheck.js ./deploy/docker/healthcheck.js
# Numeric uid/gid of the image's `node` user, so Kubernetes' runAsNonRoot can verify it.
USER 1000:1000
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "deploy/docker/healthcheck.js", "/healthz"]
# `exec` makes node PID 1, so the service itself receives SIGTERM and shuts down gracefully.
CMD ["sh", "-c", "exec node tools/run-service.js \"$APP\""]
