import { boot } from '../boot';
import { allowConnections } from '../connect-policy';
import { LocalAdapter } from '../tracking/local';
import { findApi } from '../tracking/scorm-api';
import { ScormAdapter } from '../tracking/scorm-adapter';
import { scorm12 } from '../tracking/scorm12';

allowConnections([]);
void boot(async () => {
  const api = await findApi(scorm12.apiName);
  return api ? new ScormAdapter(api, scorm12) : new LocalAdapter(true);
});
