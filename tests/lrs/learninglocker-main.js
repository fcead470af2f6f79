// Child process: LearningLocker's xapi-statements (npm) as a real Statement API, in memory, bound
// to 127.0.0.1 on a free port. Its own entry point (dist/server.js) listens on every interface and
// on a fixed port, so we wire the same public pieces here. Configuration comes from the environment
// set by learninglocker.ts; the chosen port goes back to the parent over IPC.
'use strict';
const path = require('node:path');

const dist = path.dirname(require.resolve('@learninglocker/xapi-statements/dist/server.js'));
const express = require(require.resolve('express', { paths: [dist] }));
const config = require(path.join(dist, 'config')).default;
const translatorFactory = require(path.join(dist, 'translatorFactory')).default;
const serviceFactory = require(path.join(dist, 'serviceFactory')).default;
const presenterFactory = require(path.join(dist, 'expressPresenter')).default;
const logger = require(path.join(dist, 'logger')).default;
const tracker = require(path.join(dist, 'tracker')).default;
const routes = require(path.join(dist, 'utils', 'constants'));

const presenter = presenterFactory({
  llClientInfoEndpoint: config.llClientInfoEndpoint,
  customRoute: config.express.customRoute,
  customRouteText: config.express.customRouteText,
  morganDirectory: config.express.morganDirectory,
  bodyParserLimit: config.express.bodyParserLimit,
  service: serviceFactory(),
  tracker,
  translator: translatorFactory(),
  logger,
  allowUndefinedMethod: false,
  allowFormBody: false,
});

const app = express();
app.use(routes.aboutRoute, presenter.aboutRouter);
app.use(routes.fullActivitiesRoute, presenter.fullActivitiesRouter);
app.use(routes.statementsRoute, presenter.statementsRouter);
const server = app.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
process.on('disconnect', () => process.exit(0));
