# The API image for docker compose; Neo4j runs in its own container (see docker-compose.yml).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY web ./web
COPY tools/build-if-changed.mjs ./tools/
RUN npm ci --no-audit --no-fund --ignore-scripts && npm run build

FROM node:20-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund --ignore-scripts
COPY --from=build /app/dist ./dist
COPY --from=build /app/web/dist ./web/dist
COPY seed ./seed
COPY catalogues ./catalogues
COPY schema ./schema
EXPOSE 4000
USER node
CMD ["node", "dist/main.js"]
