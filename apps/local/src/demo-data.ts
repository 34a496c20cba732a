/**
 * Demo producers and plans for `pnpm start`: real-looking Japanese seasons a newcomer can browse,
 * reserve and follow. Dates are relative to the moment the stack starts so the demo is always live.
 */
export interface DemoProducer {
  readonly id: string;
  readonly name: string;
  readonly region: string;
}

export interface DemoPlan {
  readonly producerId: string;
  readonly title: string;
  readonly story: string;
  readonly category: "fruit" | "seafood" | "rice" | "processed" | "vegetable";
  readonly region: string;
  readonly unitLabel: string;
  readonly unitsPerShare: number;
  readonly totalShares: number;
  readonly maxSharesPerOwner: number;
  readonly priceYen: number;
  readonly earlyBirdPriceYen?: number;
  readonly firstSharesPriceYen?: { readonly count: number; readonly priceYen: number };
  readonly riskTerms: "refund" | "credit" | "shared";
  readonly shipCapacityPerDay: number;
  readonly surplusBonusCapUnits: number;
  /** Days from now: sales open, sales close, delivery from, delivery to. */
  readonly calendar: {
    readonly opensInDays: number;
    readonly closesInDays: number;
    readonly deliveryFromDays: number;
    readonly deliveryToDays: number;
  };
}

export const demoProducers: readonly DemoProducer[] = [
  { id: "producer-kobayashi", name: "小林果樹園 (Kobayashi Orchard)", region: "kinki" },
  { id: "producer-aomori-ringo", name: "津軽りんご村 (Tsugaru Apple Village)", region: "tohoku" },
  { id: "producer-hiroshima-kaki", name: "宮島オイスター (Miyajima Oysters)", region: "chugoku" },
  { id: "producer-uonuma", name: "魚沼棚田ファーム (Uonuma Terrace Farm)", region: "chubu" },
  { id: "producer-shinshu-miso", name: "信州手前味噌蔵 (Shinshu Miso Brewery)", region: "chubu" },
];

export const demoPlans: readonly DemoPlan[] = [
  {
    producerId: "producer-kobayashi",
    title: "樹上完熟いちじく 一口オーナー (Tree-ripened figs)",
    story:
      "和歌山の斜面で、袋をかけずに樹の上で完熟させたいちじく。市場では傷みやすく扱えない、朝採りの一番おいしい状態をお届けします。",
    category: "fruit",
    region: "kinki",
    unitLabel: "pack",
    unitsPerShare: 4,
    totalShares: 120,
    maxSharesPerOwner: 3,
    priceYen: 6800,
    earlyBirdPriceYen: 6200,
    riskTerms: "refund",
    shipCapacityPerDay: 40,
    surplusBonusCapUnits: 60,
    calendar: { opensInDays: -7, closesInDays: 30, deliveryFromDays: 40, deliveryToDays: 70 },
  },
  {
    producerId: "producer-aomori-ringo",
    title: "葉とらずサンふじ 1本オーナー (Sun-Fuji apples, leaves on)",
    story:
      "葉を摘まずに光合成を続けさせた『葉とらず』りんご。見た目の色むらと引き換えに、蜜と甘みが違います。",
    category: "fruit",
    region: "tohoku",
    unitLabel: "kg",
    unitsPerShare: 10,
    totalShares: 80,
    maxSharesPerOwner: 2,
    priceYen: 9800,
    firstSharesPriceYen: { count: 20, priceYen: 8800 },
    riskTerms: "credit",
    shipCapacityPerDay: 25,
    surplusBonusCapUnits: 100,
    calendar: { opensInDays: -3, closesInDays: 45, deliveryFromDays: 60, deliveryToDays: 90 },
  },
  {
    producerId: "producer-hiroshima-kaki",
    title: "広島かき 一筏オーナー (Hiroshima oysters, one raft share)",
    story: "宮島沖の筏で育てる殻付き牡蠣。冬の身入りの良い時期に、水揚げ当日に発送します。",
    category: "seafood",
    region: "chugoku",
    unitLabel: "piece",
    unitsPerShare: 30,
    totalShares: 60,
    maxSharesPerOwner: 4,
    priceYen: 7500,
    riskTerms: "refund",
    shipCapacityPerDay: 30,
    surplusBonusCapUnits: 300,
    calendar: { opensInDays: -10, closesInDays: 20, deliveryFromDays: 25, deliveryToDays: 55 },
  },
  {
    producerId: "producer-uonuma",
    title: "魚沼産コシヒカリ 棚田オーナー (Uonuma Koshihikari, terrace paddy)",
    story:
      "雪解け水の棚田で、はざ掛けで天日干しするコシヒカリ。田植えと稲刈りの体験会にもご招待します。",
    category: "rice",
    region: "chubu",
    unitLabel: "kg",
    unitsPerShare: 30,
    totalShares: 50,
    maxSharesPerOwner: 2,
    priceYen: 18000,
    earlyBirdPriceYen: 16500,
    riskTerms: "shared",
    shipCapacityPerDay: 20,
    surplusBonusCapUnits: 150,
    calendar: { opensInDays: -14, closesInDays: 60, deliveryFromDays: 150, deliveryToDays: 200 },
  },
  {
    producerId: "producer-shinshu-miso",
    title: "天然醸造 手前味噌 仕込みオーナー (Natural-brewed miso)",
    story: "信州の大豆と米麹を杉桶で一年寝かせる天然醸造の味噌。仕込みの日に蔵見学ができます。",
    category: "processed",
    region: "chubu",
    unitLabel: "pack",
    unitsPerShare: 3,
    totalShares: 200,
    maxSharesPerOwner: 5,
    priceYen: 4800,
    riskTerms: "refund",
    shipCapacityPerDay: 60,
    surplusBonusCapUnits: 0,
    calendar: { opensInDays: -1, closesInDays: 21, deliveryFromDays: 300, deliveryToDays: 330 },
  },
];

export const demoOwners = [
  { id: "owner-sato", name: "佐藤 花子", region: "kanto" },
  { id: "owner-suzuki", name: "鈴木 一郎", region: "kinki" },
  { id: "owner-takahashi", name: "高橋 美咲", region: "kyushu" },
] as const;

/** Fictional shipping addresses, so the shipping batch has somewhere to send the demo boxes. */
export const demoOwnerAddresses: Readonly<
  Record<
    (typeof demoOwners)[number]["id"],
    {
      readonly recipientName: string;
      readonly postalCode: string;
      readonly prefecture: string;
      readonly city: string;
      readonly line1: string;
      readonly phone: string;
    }
  >
> = {
  "owner-sato": {
    recipientName: "佐藤 花子",
    postalCode: "150-0001",
    prefecture: "東京都",
    city: "渋谷区",
    line1: "神宮前1-2-3",
    phone: "03-0000-0001",
  },
  "owner-suzuki": {
    recipientName: "鈴木 一郎",
    postalCode: "530-0001",
    prefecture: "大阪府",
    city: "大阪市北区",
    line1: "梅田4-5-6",
    phone: "06-0000-0002",
  },
  "owner-takahashi": {
    recipientName: "高橋 美咲",
    postalCode: "810-0001",
    prefecture: "福岡県",
    city: "福岡市中央区",
    line1: "天神7-8-9",
    phone: "092-000-0003",
  },
};

/** A few owners already hold shares when the demo starts (by the plan's producer). */
export const demoReservations: readonly {
  readonly ownerId: (typeof demoOwners)[number]["id"];
  readonly producerId: string;
  readonly shares: number;
}[] = [
  { ownerId: "owner-sato", producerId: "producer-kobayashi", shares: 2 },
  { ownerId: "owner-suzuki", producerId: "producer-kobayashi", shares: 1 },
  { ownerId: "owner-takahashi", producerId: "producer-kobayashi", shares: 3 },
  { ownerId: "owner-sato", producerId: "producer-aomori-ringo", shares: 1 },
  { ownerId: "owner-suzuki", producerId: "producer-hiroshima-kaki", shares: 2 },
  { ownerId: "owner-takahashi", producerId: "producer-uonuma", shares: 1 },
  { ownerId: "owner-sato", producerId: "producer-shinshu-miso", shares: 4 },
];
