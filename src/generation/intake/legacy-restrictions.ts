import type { Allergen, Diet } from "@/generation/catalogue/catalogue";

/**
 * Reads the legacy free-text `dietary_restrictions` ("vegetarian, nut allergy")
 * into the structured diet/allergy lists the food filter enforces. The text
 * itself is still passed to the prompt as client context.
 *
 * Rules (case-insensitive, per clause; clauses are split on , ; . / newline and "but"):
 * - Diets are recognised anywhere:
 *     vegan → vegan; vegetarian / veggie → vegetarian; pescatarian / pescetarian → pescatarian;
 *     gluten-free / gluten free / coeliac / celiac → gluten_free;
 *     dairy-free / dairy free / lactose-free / lactose intolerant → dairy_free.
 * - Allergens that are almost never mentioned in a restrictions field except
 *   to avoid them are recognised anywhere:
 *     peanut(s) → peanut; nut(s) / nut-free / nut allergy → peanut + tree_nut;
 *     tree nut(s), almond, cashew, walnut, hazelnut, pecan, pistachio → tree_nut;
 *     shellfish, shrimp, prawn, crab, lobster → shellfish; sesame, tahini → sesame;
 *     coeliac / celiac → gluten.
 * - Foods people also mention positively ("pescatarian, eats fish", "vegetarian
 *   but eats eggs") count as allergies only when the clause has an avoidance cue
 *   (allergy/allergic, intolerant, no, avoid, without, free, can't/cannot, don't, not):
 *     gluten / wheat → gluten; dairy / milk / lactose → dairy; egg(s) → egg;
 *     soy / soya → soy; fish → fish.
 * Unrecognised text restricts nothing by itself. Negations such as "no nut
 * allergy" over-restrict, which is the safe direction.
 */
export function parseLegacyRestrictions(text: string): { diet: Diet[]; allergies: Allergen[] } {
  const diet = new Set<Diet>();
  const allergies = new Set<Allergen>();
  for (const clause of text.toLowerCase().split(/[,;./\n]|\bbut\b/)) {
    for (const rule of DIET_RULES) if (rule.pattern.test(clause)) diet.add(rule.diet);
    for (const rule of ALWAYS_ALLERGEN_RULES)
      if (rule.pattern.test(clause)) for (const a of rule.allergens) allergies.add(a);
    if (AVOIDANCE_CUE.test(clause)) {
      for (const rule of CUED_ALLERGEN_RULES)
        if (rule.pattern.test(clause)) for (const a of rule.allergens) allergies.add(a);
    }
  }
  return { diet: [...diet], allergies: [...allergies] };
}

const DIET_RULES: { pattern: RegExp; diet: Diet }[] = [
  { pattern: /\bvegan/, diet: "vegan" },
  { pattern: /\bvegetarian|\bveggie\b/, diet: "vegetarian" },
  { pattern: /\bpesc[ae]tarian/, diet: "pescatarian" },
  { pattern: /\bgluten[\s-]*free\b|\bco?eliac/, diet: "gluten_free" },
  { pattern: /\bdairy[\s-]*free\b|\blactose[\s-]*(free|intoleran)/, diet: "dairy_free" },
];

const ALWAYS_ALLERGEN_RULES: { pattern: RegExp; allergens: Allergen[] }[] = [
  { pattern: /\bpeanuts?\b/, allergens: ["peanut"] },
  { pattern: /(?<!tree[\s-]*)\bnuts?\b/, allergens: ["peanut", "tree_nut"] },
  { pattern: /\bco?eliac/, allergens: ["gluten"] },
  {
    pattern: /\btree[\s-]*nuts?\b|\balmonds?\b|\bcashews?\b|\bwalnuts?\b|\bhazelnuts?\b|\bpecans?\b|\bpistachios?\b/,
    allergens: ["tree_nut"],
  },
  { pattern: /\bshellfish\b|\bshrimps?\b|\bprawns?\b|\bcrabs?\b|\blobsters?\b/, allergens: ["shellfish"] },
  { pattern: /\bsesame\b|\btahini\b/, allergens: ["sesame"] },
];

const AVOIDANCE_CUE =
  /allerg|intoleran|\bno\b|\bavoid|\bwithout\b|\bfree\b|\bcan'?t\b|\bcannot\b|\bdon'?t\b|\bnot\b|\bnon[\s-]/;

const CUED_ALLERGEN_RULES: { pattern: RegExp; allergens: Allergen[] }[] = [
  { pattern: /\bgluten\b|\bwheat\b/, allergens: ["gluten"] },
  { pattern: /\bdairy\b|\bmilk\b|\blactose\b/, allergens: ["dairy"] },
  { pattern: /\beggs?\b/, allergens: ["egg"] },
  { pattern: /\bsoya?\b/, allergens: ["soy"] },
  { pattern: /\bfish\b/, allergens: ["fish"] },
];
