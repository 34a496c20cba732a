import { marshall, unmarshall } from "@aws-sdk/util-dynamodb";
import type { Item } from "../item.ts";

/** An item as DynamoDB gives it back: marshalled with the document client's options and read again. */
export const throughDynamo = (item: Item): Item =>
  unmarshall(
    marshall(item, { removeUndefinedValues: true, convertClassInstanceToMap: false }),
  ) as Item;
