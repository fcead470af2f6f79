import { boot } from '../boot';
import { Cmi5Adapter, readCmi5Launch } from '../tracking/cmi5-adapter';
import { LocalAdapter } from '../tracking/local';

// Opened without cmi5 launch parameters (preview, file share): run untracked and say so.
void boot(async () => {
  const launch = readCmi5Launch(window.location.search);
  return launch ? new Cmi5Adapter(launch) : new LocalAdapter(true);
});
