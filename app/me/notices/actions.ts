"use server";

import { conscriptAction } from "@/lib/actions/action-client";
import { setNoticeAlerts } from "@/lib/citizen/set-notice-alerts";
import { createCtx } from "@/lib/context-server";
import { z } from "@/lib/zod";

// The notices page's one action: the opt-in «Повідомляти, коли ТЦК надішле повістку поштою».
const ZNoticeAlertsForm = z.object({ enabled: z.string().max(5) }).strict();

export const setNoticeAlertsAction = conscriptAction(ZNoticeAlertsForm, async (input, actor) =>
  setNoticeAlerts(createCtx({ actor }), input),
);
