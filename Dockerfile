# One image for every allygraph service; the command picks which one runs:
#   gateway:  node --max-old-space-size=160 gateway/dist/bundle/index.mjs --supergraph supergraph.graphql --port 4000
#             (the bundle `npm run build` makes below; `npm run gateway` runs the sources with tsx)
#   subgraph: npm run subgraph -- crm --port 4001
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY tsconfig.json supergraph.graphql ./
COPY gateway ./gateway
COPY subgraphs ./subgraphs
COPY scripts ./scripts
COPY lib ./lib
COPY config ./config
COPY client ./client
RUN npm run build
USER node
EXPOSE 4000 4001 4002 4003 4004
CMD ["node", "--max-old-space-size=160", "gateway/dist/bundle/index.mjs", "--supergraph", "supergraph.graphql"]
