/** createHorizontalPodAutoscalerController: the HPA controller wired to the API server's watches. */
import { keyOf } from '../../objects';
import { Controller, type ControllerContext } from '../controllerRuntime';
import { HPA_CONTROLLER_NAME, HorizontalPodAutoscalerSyncer } from './horizontalController';

export { HorizontalPodAutoscalerSyncer, HPA_CONTROLLER_NAME, HPA_SYNC_PERIOD_MS, SCALE_TARGETS } from './horizontalController';

export function createHorizontalPodAutoscalerController(ctx: ControllerContext): Controller {
  const syncer = new HorizontalPodAutoscalerSyncer(ctx);
  return new Controller(
    {
      name: HPA_CONTROLLER_NAME,
      watches: [{ kind: 'HorizontalPodAutoscaler', keys: (e) => [keyOf(e.object)] }],
      listKeys: () => ctx.api.peekList('HorizontalPodAutoscaler').map((o) => keyOf(o)),
      sync: (key) => syncer.sync(key),
    },
    ctx,
  );
}
