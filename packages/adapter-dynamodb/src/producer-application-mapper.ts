import type { Instant, ProducerApplication, SellerDisclosure } from "@owners/domain";
import { defined, type Item } from "./item.ts";
import { applicationKeys } from "./people-keys.ts";

export const applicationToItem = (a: ProducerApplication): Item =>
  defined({
    ...applicationKeys.item(a.id),
    GSI1PK: applicationKeys.byStatus(a.status),
    GSI1SK: applicationKeys.byStatusSort(a.submittedAt, a.id),
    entity: "producerApplication",
    id: a.id,
    applicantId: a.applicantId,
    status: a.status,
    farmName: a.farmName,
    prefecture: a.prefecture,
    products: [...a.products],
    story: a.story,
    disclosure: { ...a.disclosure },
    submittedAt: a.submittedAt,
    decidedAt: a.decidedAt,
    decidedBy: a.decidedBy,
    rejectionReason: a.rejectionReason,
    version: a.version,
  });

export const applicationFromItem = (item: Item): ProducerApplication => {
  const optional = {
    ...(typeof item.decidedAt === "string" ? { decidedAt: item.decidedAt as Instant } : {}),
    ...(typeof item.decidedBy === "string" ? { decidedBy: item.decidedBy } : {}),
    ...(typeof item.rejectionReason === "string" ? { rejectionReason: item.rejectionReason } : {}),
  };
  return {
    id: item.id as string,
    applicantId: item.applicantId as string,
    status: item.status as ProducerApplication["status"],
    farmName: (item.farmName as string | undefined) ?? "",
    prefecture: (item.prefecture as string | undefined) ?? "",
    products: (item.products as string[] | undefined) ?? [],
    story: (item.story as string | undefined) ?? "",
    // The client drops empty strings (an erased disclosure): read them back as "".
    disclosure: {
      legalName: "",
      address: "",
      phone: "",
      email: "",
      responsiblePerson: "",
      pricesAndFees: "",
      deliveryTime: "",
      returnsAndCancellation: "",
      ...(item.disclosure as Partial<SellerDisclosure> | undefined),
    },
    submittedAt: item.submittedAt as Instant,
    ...optional,
    version: item.version as number,
  };
};
