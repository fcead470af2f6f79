import { boot } from '../boot';
import { allowConnections } from '../connect-policy';
import { LocalAdapter } from '../tracking/local';
import { XapiAdapter } from '../tracking/xapi-adapter';
import { readTinCanLaunch } from '../tracking/xapi-launch';

// Opened without Tin Can launch parameters (preview, file share): run untracked and say so.
void boot(async () => {
  const launch = readTinCanLaunch(window.location.search);
  allowConnections(launch ? [launch.endpoint] : []);
  return launch ? new XapiAdapter(launch) : new LocalAdapter(true);
});
