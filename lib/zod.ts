// zod with Ukrainian default messages. Import `z` from here, not from "zod", so that
// every schema at the boundary answers in the user's language.
import { z } from "zod";

z.config(z.locales.uk());

export { z };
