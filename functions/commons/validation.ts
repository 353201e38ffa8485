/**
 * What every function that validates with zod shares: the schema type the
 * edges accept, and English messages.
 *
 * Handlers and contracts use `zod/mini`, whose functions tree-shake, so a
 * bundle carries only the validators it uses (about 25 KB, against about 90 KB
 * for classic `zod`, which arrives whole with the first module that imports it).
 * `zod/mini` loads no messages of its own ("Invalid input" for everything):
 * importing this module installs zod's English ones, so a 400's `detail`s read
 * the same whichever flavour a schema is written in.
 */

import { en } from 'zod/locales';
import * as z from 'zod/mini';

z.config(en());

/** Any zod schema, classic or mini (both are zod core schemas). */
export type Schema = z.core.$ZodType;
