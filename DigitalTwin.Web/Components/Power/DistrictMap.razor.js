// A choropleth of KEPCO districts with D3 (global d3 and topojson, loaded here on first use so other pages do not pay
// for them). The model arrives as JSON built by DistrictMapModel.cs: values and labels keyed "시도 시군구", the scale,
// its domain and legend ticks. The boundaries come from the server once per page and are shared by every map on it.

const scripts = new Map();
let boundaries = null;

function loadScript(url) {
    if (!scripts.has(url)) {
        scripts.set(url, new Promise((resolve, reject) => {
            const script = document.createElement("script");
            script.src = url;
            script.onload = resolve;
            script.onerror = () => {
                scripts.delete(url);
                script.remove();
                reject(new Error(`Could not load ${url}`));
            };
            document.head.appendChild(script);
        }));
    }
    return scripts.get(url);
}

async function fetchJson(url) {
    const response = await fetch(url);
    if (!response.ok) {
        throw new Error(`GET ${url}: ${response.status}`);
    }
    return response.json();
}

// Once per page: the download runs in parallel with loading the scripts that the conversion needs.
async function loadDistricts(settings) {
    boundaries ??= Promise.all([fetchJson(settings.boundaries), ...settings.scripts.map(loadScript)])
        .then(([topology]) => toDistricts(topology, settings.objectName));
    try {
        return await boundaries;
    } catch (error) {
        boundaries = null; // let the next map try again
        throw error;
    }
}

// One feature per KEPCO district: the 구 of a city (수원시장안구, 수원시권선구 …) merged into one shape.
function toDistricts(topology, objectName) {
    const object = topology.objects[objectName];
    const groups = new Map();
    for (const geometry of object.geometries) {
        const p = geometry.properties;
        const key = p.sido ? `${p.sido} ${p.sigungu}` : `kostat ${p.code}`;
        if (!groups.has(key)) {
            groups.set(key, []);
        }
        groups.get(key).push(geometry);
    }
    const features = [...groups.entries()].map(([key, geometries]) => {
        const p = geometries[0].properties;
        return {
            type: "Feature",
            properties: { key, sido: p.sido ?? null, sigungu: p.sigungu ?? p.name, parts: geometries.length },
            geometry: geometries.length === 1
                ? topojson.feature(topology, geometries[0]).geometry
                : topojson.merge(topology, geometries),
        };
    });
    const provinceBorders = topojson.mesh(topology, object, (a, b) => a !== b && a.properties.sido !== b.properties.sido);
    return { features, provinceBorders };
}

function colorScale(model) {
    const [min, max] = model.domain;
    if (model.scale === "diverging") {
        // Red above zero (over-forecast, growth), blue below.
        return d3.scaleDiverging([min, 0, max], t => d3.interpolateRdBu(1 - t)).clamp(true);
    }
    // The palest yellow almost vanishes against a light page: start a little into the ramp.
    const ramp = t => d3.interpolateYlOrRd(0.12 + 0.88 * t);
    return model.scale === "logarithmic"
        ? d3.scaleSequentialLog([min, max], ramp).clamp(true)
        : d3.scaleSequential([min, max], ramp).clamp(true);
}

function escapeHtml(text) {
    return String(text).replace(/[&<>"]/g, c => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;" })[c]);
}

export async function create(element, dotNet, modelJson, settings) {
    let loaded;
    try {
        loaded = await loadDistricts(settings);
    } catch (error) {
        await dotNet.invokeMethodAsync("MapFailed", error.message);
        return null;
    }
    const { features, provinceBorders } = loaded;

    let model = JSON.parse(modelJson);
    let color = colorScale(model);
    const collection = { type: "FeatureCollection", features };
    const projection = d3.geoMercator();
    const path = d3.geoPath(projection);

    const legend = d3.select(element).append("div").attr("class", "district-map-legend");
    const svg = d3.select(element).append("svg").attr("class", "district-map-svg");
    const layer = svg.append("g");
    const tooltip = d3.select(element).append("div").attr("class", "district-map-tooltip").style("display", "none");

    const districts = layer.selectAll("path.district")
        .data(features, f => f.properties.key)
        .join("path")
        .attr("class", "district")
        .attr("data-key", f => f.properties.key);
    const borders = layer.append("path").attr("class", "province-borders").datum(provinceBorders);
    // Outlines are drawn on top rather than by raising the district paths: moving the path under the pointer
    // between mousedown and mouseup makes the browser drop the click.
    const highlights = layer.append("g").attr("class", "highlights");
    const hoverOutline = layer.append("path").attr("class", "hover-outline");

    const zoom = d3.zoom().scaleExtent([1, 12]).on("zoom", event => {
        layer.attr("transform", event.transform);
        tooltip.style("display", "none");
    });
    svg.call(zoom);

    function fit() {
        const { width, height } = svg.node().getBoundingClientRect();
        if (width === 0 || height === 0) {
            return;
        }
        const pad = Math.min(width, height) * 0.03;
        projection.fitExtent([[pad, pad], [width - pad, height - pad]], collection);
        districts.attr("d", path);
        borders.attr("d", path);
        highlights.selectAll("path").attr("d", path);
        hoverOutline.attr("d", f => (f ? path(f) : null));
        zoom.extent([[0, 0], [width, height]]).translateExtent([[0, 0], [width, height]]);
    }

    function recolor() {
        const highlighted = new Set(model.highlighted);
        districts
            .classed("no-data", f => !model.values[f.properties.key])
            .classed("clickable", f => model.clickable && f.properties.sido !== null)
            .classed("highlighted", f => highlighted.has(f.properties.key))
            .attr("fill", f => (model.values[f.properties.key] ? color(model.values[f.properties.key].value) : null));
        highlights.selectAll("path")
            .data(features.filter(f => highlighted.has(f.properties.key)), f => f.properties.key)
            .join("path")
            .attr("class", "highlight")
            .attr("d", path);
    }

    function drawLegend() {
        legend.selectAll("*").remove();
        if (model.title) {
            legend.append("div").attr("class", "title").text(model.title);
        }
        const [min, max] = model.domain;
        const width = Math.max(180, Math.min(420, element.clientWidth - 140));
        const position = model.scale === "logarithmic"
            ? v => (Math.log(v) - Math.log(min)) / (Math.log(max) - Math.log(min))
            : v => (v - min) / (max - min);
        const stops = d3.range(0, 1.0001, 0.1).map(t => {
            const value = model.scale === "logarithmic" ? Math.exp(Math.log(min) + t * (Math.log(max) - Math.log(min))) : min + t * (max - min);
            return `${color(value)} ${Math.round(t * 100)}%`;
        });
        const scale = legend.append("div").attr("class", "scale").style("width", `${width}px`);
        scale.append("div").attr("class", "ramp").style("background", `linear-gradient(to right, ${stops.join(", ")})`);
        // Three labels fit a phone; five when there is room for long ones ("26.7 GWh").
        const ticks = width < 400 ? [model.ticks[0], model.ticks[2], model.ticks[4]] : model.ticks;
        scale.append("div").attr("class", "ticks").selectAll("span").data(ticks).join("span")
            .style("left", t => `${position(t.value) * 100}%`)
            .text(t => t.label);
        legend.append("div").attr("class", "no-data").html(`<span class="no-data-swatch"></span>${escapeHtml(model.noData)}`);
    }

    function showTooltip(event, feature) {
        const p = feature.properties;
        const entry = model.values[p.key];
        const value = entry ? escapeHtml(entry.label) : `<span class="secondary">${escapeHtml(model.noData)}</span>`;
        tooltip.style("display", null).html(
            `<strong>${escapeHtml(p.sigungu)}</strong> <span class="secondary">${escapeHtml(p.sido ?? "")}</span><br>${value}`);
        const [x, y] = d3.pointer(event, element);
        const box = tooltip.node().getBoundingClientRect();
        const left = Math.min(Math.max(4, x + 14), element.clientWidth - box.width - 4);
        const top = y + 14 + box.height > element.clientHeight ? y - box.height - 10 : y + 14;
        tooltip.style("left", `${left}px`).style("top", `${top}px`);
    }

    districts
        .on("pointerenter", (event, feature) => {
            hoverOutline.datum(feature).attr("d", path(feature));
            showTooltip(event, feature);
        })
        .on("pointermove", showTooltip)
        .on("pointerleave", () => {
            hoverOutline.datum(null).attr("d", null);
            tooltip.style("display", "none");
        })
        .on("click", (event, feature) => {
            if (model.clickable && feature.properties.sido !== null) {
                dotNet.invokeMethodAsync("DistrictClicked", feature.properties.sido, feature.properties.sigungu);
            }
        });

    const resize = new ResizeObserver(() => fit());
    resize.observe(element);
    fit();
    recolor();
    drawLegend();

    // Returned to .NET as an IJSObjectReference; closures, so no `this` binding is needed.
    return {
        update: json => {
            model = JSON.parse(json);
            color = colorScale(model);
            recolor();
            drawLegend();
        },
        resetZoom: () => svg.transition().duration(300).call(zoom.transform, d3.zoomIdentity),
        destroy: () => {
            resize.disconnect();
            svg.on(".zoom", null);
            legend.remove();
            svg.remove();
            tooltip.remove();
        },
    };
}
