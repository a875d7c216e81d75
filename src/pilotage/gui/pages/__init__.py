"""The pages shown right of the navigator: program, pillar, initiative, KPI."""
