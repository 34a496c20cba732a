import type { ReactNode } from "react";

/**
 * A scrollable table with a header row, or a muted sentence when there are no rows: the shape of
 * every list on the producer's pages. `columns` may be empty (a table whose rows explain
 * themselves has no header row).
 */
export const DataTable = ({
  testId,
  columns,
  empty,
  emptyTestId,
  children,
}: {
  testId: string;
  columns: readonly string[];
  empty: string;
  emptyTestId?: string;
  children: readonly ReactNode[];
}) =>
  children.length === 0 ? (
    <p className="muted" data-testid={emptyTestId}>
      {empty}
    </p>
  ) : (
    <div className="table-scroll">
      <table className="table" data-testid={testId}>
        {columns.length > 0 && (
          <thead>
            <tr>
              {columns.map((column) => (
                <th scope="col" key={column}>
                  {column}
                </th>
              ))}
            </tr>
          </thead>
        )}
        <tbody>{children}</tbody>
      </table>
    </div>
  );
