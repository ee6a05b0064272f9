import { PictureProjection } from '../picture/picture.projection';
import type { Projection } from '../projection/projection';

/**
 * Views over several streams that follow the platform's projections on a runner of their own
 * (STYLE.md "Projections": views over several streams run asynchronously), so that neither their
 * cost nor their rebuild holds up read-your-writes for the records themselves.
 */
export const asyncProjections: readonly Projection[] = [new PictureProjection()];
