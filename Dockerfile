# The Haircut command line in a container, for Slurm (with a container runtime) and Kubernetes:
#   docker build -t haircut .
#   docker run --rm --user "$(id -u):$(id -g)" -v "$PWD:/work" haircut simulate --params run.json --paths 100000 --json
#   docker run --rm --user "$(id -u):$(id -g)" -v "$PWD:/work" haircut simulate --params run.json --paths 100000 --shard 3/8 --out part-3.json
#   docker run --rm --user "$(id -u):$(id -g)" -v "$PWD:/work" haircut merge part-*.json --json
# The CLI runs the TypeScript sources through tsx (a devDependency), so the image installs dev dependencies too;
# no browser is installed (the page and its Playwright tests are not part of the image).
FROM node:20-bookworm-slim
ENV NODE_ENV=production npm_config_loglevel=warn PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --include=dev --no-audit --no-fund && npm cache clean --force
COPY tsconfig*.json ./
COPY src ./src
# adl-report reads its data file from public/data.
COPY public ./public
COPY scripts/cluster/haircut /usr/local/bin/haircut
# The engine is deterministic by (parameters, seed, path): the image adds no state, so any number of replicas
# compute the same shard identically.
USER node
WORKDIR /work
ENTRYPOINT ["haircut"]
CMD ["simulate", "--help"]
