import { describeReservationModel } from "../testing/reservation-model.ts";

// In memory: many runs, quickly. adapter-dynamodb runs the same model, shorter, on DynamoDB Local.
describeReservationModel({ numRuns: 200, maxCommands: 40, timeoutMs: 120_000 });
