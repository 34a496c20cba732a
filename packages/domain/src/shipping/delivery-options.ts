/**
 * 時間帯指定: the delivery time slots Japanese parcel services offer for home delivery
 * (午前中, 14–16, 16–18, 18–20, 19–21), when a plan lets owners choose one.
 */
export const DELIVERY_SLOTS = ["am", "14-16", "16-18", "18-20", "19-21"] as const;
export type DeliverySlot = (typeof DELIVERY_SLOTS)[number];

export const isDeliverySlot = (value: unknown): value is DeliverySlot =>
  typeof value === "string" && (DELIVERY_SLOTS as readonly string[]).includes(value);

/** How a plan's boxes travel: 常温, 冷蔵 (chilled), 冷凍 (frozen). */
export const TEMPERATURES = ["ambient", "chilled", "frozen"] as const;
export type Temperature = (typeof TEMPERATURES)[number];

export const isTemperature = (value: unknown): value is Temperature =>
  typeof value === "string" && (TEMPERATURES as readonly string[]).includes(value);
