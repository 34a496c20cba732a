import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { yen } from "../money/money.ts";
import { ownershipId } from "../shared/ids.ts";
import { settleShortfall } from "./settlement.ts";
import { ownerStatement } from "./statement.ts";
import { statementLines } from "./statement-lines.ts";

const ok = <T>(result: E.Either<unknown, T>): T => {
  if (E.isLeft(result)) throw new Error(JSON.stringify(result.left));
  return result.right;
};

describe("a statement of a chilled plan", () => {
  it("names the クール便 surcharge the owner paid, so the money adds up in both languages", () => {
    const temperatureSurcharge = {
      temperature: "chilled" as const,
      boxes: 2,
      yenPerBox: yen(300),
      yen: yen(600),
    };
    const ownership = {
      ownershipId: ownershipId("own-1"),
      shares: 2,
      entitledUnits: 20,
      receivedStandardUnits: 20,
      receivedOffspecUnits: 0,
      paid: {
        sharesYen: yen(4800),
        shippingYen: yen(800),
        temperatureSurcharge,
        totalYen: yen(6200),
      },
    };
    const [settlement] = ok(
      settleShortfall("refund", [{ ...ownership, paidForSharesYen: yen(4800) }]),
    );
    if (settlement === undefined) throw new Error("no settlement line");
    const statement = ok(
      ownerStatement({
        unitLabel: "kg",
        riskTerms: "refund",
        plan: { entitledUnits: 20, receivedStandardUnits: 20 },
        ownership,
        settlement,
      }),
    );
    expect(statement.paid.temperatureSurcharge).toEqual(temperatureSurcharge);
    expect(statement.lines).toContain(
      "You paid 6,200 yen: 4,800 yen for the shares and 800 yen for shipping, plus 600 yen for chilled delivery.",
    );
    expect(statementLines(statement.facts, "ja")).toContain(
      "お支払いは6,200円(口数分4,800円、送料800円、クール便料金600円)です。",
    );
  });
});
