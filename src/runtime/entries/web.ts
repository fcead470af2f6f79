import { boot } from '../boot';
import { allowConnections } from '../connect-policy';
import { LocalAdapter } from '../tracking/local';

allowConnections([]);
void boot(async () => new LocalAdapter(false));
