export * from "./audiences";
export { notify, type NewNotification } from "./notify";
export { listNotifications, countUnread } from "./list-notifications";
export { markNotificationsRead } from "./mark-read";
