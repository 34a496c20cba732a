/** The choices the API takes (its enums), in the order the site offers them. */
export const TEMPERATURES = ["ambient", "chilled", "frozen"] as const;
export type Temperature = (typeof TEMPERATURES)[number];
export const DELIVERY_SLOTS = ["am", "14-16", "16-18", "18-20", "19-21"] as const;
export type DeliverySlot = (typeof DELIVERY_SLOTS)[number];
