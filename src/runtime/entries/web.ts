import { boot } from '../boot';
import { LocalAdapter } from '../tracking/local';

void boot(async () => new LocalAdapter(false));
