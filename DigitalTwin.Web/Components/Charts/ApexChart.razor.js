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

function copySeries(series) {
    return series.map(s => (typeof s === "number" ? s : { name: s.name, data: s.data.slice() }));
}

function trim(series, maxPoints) {
    for (const s of series) {
        if (typeof s !== "number" && s.data.length > maxPoints) {
            s.data.splice(0, s.data.length - maxPoints);
        }
    }
    return series;
}

export async function create(element, optionsJson, themeJson, seriesJson, maxPoints) {
    let series = trim(JSON.parse(seriesJson), maxPoints);
    const options = merge(merge({}, JSON.parse(optionsJson)), JSON.parse(themeJson));
    options.series = copySeries(series);

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
            await chart.updateOptions(JSON.parse(json), false, animate);
        },
        destroy: () => chart.destroy(),
    };
}
