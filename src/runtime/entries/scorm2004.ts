import { boot } from '../boot';
import { allowConnections } from '../connect-policy';
import { LocalAdapter } from '../tracking/local';
import { findApi } from '../tracking/scorm-api';
import { ScormAdapter } from '../tracking/scorm-adapter';
import { scorm2004 } from '../tracking/scorm2004';

allowConnections([]);
void boot(async () => {
  const api = await findApi(scorm2004.apiName);
  return api ? new ScormAdapter(api, scorm2004) : new LocalAdapter(true);
});
