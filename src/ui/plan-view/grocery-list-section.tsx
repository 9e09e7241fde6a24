import type { PlanDay } from "@/ui/api/api-types";
import { buildGroceryList, formatGrams } from "./grocery-list";

/** Everything to buy for the whole plan, by food group; printed on its own page. */
export function GroceryListSection({ days }: { days: readonly PlanDay[] }) {
  const groups = buildGroceryList(days);
  return (
    <section className="grocery-list" data-testid="grocery-list" aria-labelledby="grocery-heading">
      <h2 id="grocery-heading">Grocery list</h2>
      <p className="muted">
        Amounts summed over all {days.length} {days.length === 1 ? "day" : "days"} of the plan.
      </p>
      <div className="grocery-groups">
        {groups.map((group) => (
          <section key={group.food_group} className="grocery-group" aria-labelledby={`grocery-${group.food_group}`}>
            <h3 id={`grocery-${group.food_group}`}>{group.label}</h3>
            <ul>
              {group.items.map((item) => (
                <li key={item.food_id} className="grocery-item">
                  <span>{item.food_name}</span>
                  <span className="grocery-amount">{formatGrams(item.grams)}</span>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </section>
  );
}
