import { fieldFromMessage } from './error-format';

describe('fieldFromMessage', () => {
  it.each([
    ['Variable "$input" got invalid value -1 at "input.items[0].quantity"; Int cannot represent…', 'items[0].quantity'],
    ['Variable "$input" got invalid value "FOOD" at "input.sector"; Value "FOOD" does not exist in "Sector" enum.', 'sector'],
    ['Variable "$input" got invalid value { women: 1 } at "input.reached"; Field "boys" of required type "Int!" was not provided.', 'reached.boys'],
    ['Variable "$input" got invalid value { colour: "blue" }; Field "colour" is not defined by type "PlanDeliveryInput".', 'colour'],
    ['Variable "$filter" got invalid value "2026-13-01" at "filter.from"; Expected type "Date".', 'filter.from'],
    ['Syntax Error: Expected Name, found <EOF>.', undefined],
  ])('%s', (message, field) => {
    expect(fieldFromMessage(message)).toBe(field);
  });
});
