import { boot } from '../boot';
import { allowConnections } from '../connect-policy';
import { Cmi5Adapter, readCmi5Launch } from '../tracking/cmi5-adapter';
import { LocalAdapter } from '../tracking/local';

// Opened without cmi5 launch parameters (preview, file share): run untracked and say so.
void boot(async () => {
  const launch = readCmi5Launch(window.location.search);
  allowConnections(launch ? [launch.endpoint, launch.fetchUrl] : []);
  return launch ? new Cmi5Adapter(launch) : new LocalAdapter(true);
});
