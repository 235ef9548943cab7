// Thin wrapper around the global ApexCharts (wwwroot/lib/apexcharts, loaded by App.razor).
// Everything arrives as JSON text so that .NET decides the exact shape (camelCase, no nulls).

function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
}

function merge(target, source) {
    for (const [key, value] of Object.entries(source ?? {})) {
        target[key] = isObject(value) && isObject(target[key]) ? merge({ ...target[key] }, value) : value;
    }
    return target;
}

// Formatters that options name (ChartFormatter): JSON carries no functions. Keep "energy" in step
// with EnergyFormat.cs so axes and tables show the same units.
const energyUnits = [[1e9, "TWh"], [1e6, "GWh"], [1e3, "MWh"]];

function number(value) {
    const size = Math.abs(value);
    const digits = size >= 100 ? 0 : size >= 10 ? 1 : 2;
    return value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function energy(kwh) {
    if (kwh === null || kwh === undefined || !Number.isFinite(kwh)) {
        return "–";
    }
    for (const [factor, unit] of energyUnits) {
        if (Math.abs(kwh) >= factor) {
            return `${number(kwh / factor)} ${unit}`;
        }
    }
    return kwh === 0 ? "0" : `${number(kwh)} kWh`;
}

const formatters = {
    energy: value => energy(value),
    percent: value => (Number.isFinite(value) ? `${Math.round(value)}%` : ""),
    signedPercent: value => (Number.isFinite(value) ? `${value > 0 ? "+" : ""}${value.toFixed(1)}%` : ""),
    squaredEnergy: value => (Number.isFinite(value) ? `(${energy(Math.sqrt(Math.abs(value)))})²` : ""),
    heatmapCell: (value, context) => {
        const point = context?.w?.config?.series?.[context.seriesIndex]?.data?.[context.dataPointIndex];
        return point && Number.isFinite(value) ? `${energy(point.raw)} (${value.toFixed(2)})` : context?.w?.config?.noData?.text ?? "";
    },
};

function withFormatters(options) {
    for (const [key, value] of Object.entries(options)) {
        if (key === "formatter" && typeof value === "string") {
            options[key] = formatters[value];
        } else if (value !== null && typeof value === "object") {
            withFormatters(value);
        }
    }
    return options;
}

function copySeries(series) {
    return series.map(s => (typeof s === "number" ? s : { ...s, data: s.data.slice() }));
}

function trim(series, maxPoints) {
    for (const s of series) {
        if (typeof s !== "number" && s.data.length > maxPoints) {
            s.data.splice(0, s.data.length - maxPoints);
        }
    }
    return series;
}

export async function create(element, optionsJson, themeJson, seriesJson, maxPoints, dotnet) {
    let series = trim(JSON.parse(seriesJson), maxPoints);
    const options = withFormatters(merge(merge({}, JSON.parse(optionsJson)), JSON.parse(themeJson)));
    options.series = copySeries(series);
    if (dotnet) {
        options.chart.events = {
            ...options.chart.events,
            dataPointSelection: (event, context, config) => {
                dotnet.invokeMethodAsync("OnDataPointSelected", config.seriesIndex, config.dataPointIndex);
            },
        };
    }

    const chart = new ApexCharts(element, options);
    await chart.render();

    // Returned to .NET as an IJSObjectReference; closures, so no `this` binding is needed.
    return {
        updateSeries: async (json, animate) => {
            series = trim(JSON.parse(json), maxPoints);
            await chart.updateSeries(copySeries(series), animate);
        },
        appendData: async json => {
            for (const incoming of JSON.parse(json)) {
                let existing = series.find(s => s.name === incoming.name);
                if (!existing) {
                    existing = { name: incoming.name, data: [] };
                    series.push(existing);
                }
                existing.data.push(...incoming.data);
            }
            trim(series, maxPoints);
            await chart.updateSeries(copySeries(series), true);
        },
        updateOptions: async (json, animate) => {
            await chart.updateOptions(withFormatters(JSON.parse(json)), false, animate);
        },
        destroy: () => chart.destroy(),
    };
}
