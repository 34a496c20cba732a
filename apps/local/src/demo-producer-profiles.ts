import type { Instant, ProducerProfile } from "@owners/domain";
import { producerId } from "@owners/domain";
import type { DemoProducer } from "./demo-data.ts";

/** Where each demo producer farms, and what it grows for (the producers list filters on these). */
const WHERE: Readonly<
  Record<string, { prefecture: string; area: string; categories: string[]; products: string[] }>
> = {
  "producer-kobayashi": {
    prefecture: "和歌山県",
    area: "紀の川",
    categories: ["fruit"],
    products: ["いちじく", "みかん"],
  },
  "producer-aomori-ringo": {
    prefecture: "青森県",
    area: "弘前",
    categories: ["fruit"],
    products: ["りんご"],
  },
  "producer-hiroshima-kaki": {
    prefecture: "広島県",
    area: "宮島",
    categories: ["seafood"],
    products: ["牡蠣"],
  },
  "producer-uonuma": {
    prefecture: "新潟県",
    area: "魚沼",
    categories: ["rice"],
    products: ["コシヒカリ"],
  },
  "producer-shinshu-miso": {
    prefecture: "長野県",
    area: "松本",
    categories: ["processed"],
    products: ["味噌"],
  },
};

/** The public profile an approved demo producer has (fictional disclosure, example.jp contacts). */
export const demoProducerProfile = (producer: DemoProducer, at: Instant): ProducerProfile => {
  const where = WHERE[producer.id] ?? {
    prefecture: "東京都",
    area: "",
    categories: [],
    products: [],
  };
  const name = producer.name.replace(/\s*\(.*\)$/, "");
  return {
    producerId: producerId(producer.id),
    displayName: name,
    prefecture: where.prefecture,
    ...(where.area === "" ? {} : { area: where.area }),
    story: `${name}です。季節ごとの一番おいしい時期に、畑から直接お届けします。`,
    photos: [],
    products: where.products,
    categories: where.categories,
    links: [],
    disclosure: {
      legalName: name,
      address: `${where.prefecture}${where.area} 1-2-3 (デモ)`,
      phone: "000-0000-0000",
      email: `${producer.id}@example.jp`,
      responsiblePerson: `${name} 代表`,
      pricesAndFees: "各プランのページに記載 (税込)。送料は地域ごとに記載。",
      deliveryTime: "各プランのお届け期間内に発送",
      returnsAndCancellation:
        "各プランのキャンセル期限まで全額返金。生鮮品のため到着後の返品は不可。",
    },
    approvedAt: at,
    updatedAt: at,
    version: 1,
  };
};
