/*
 * Map of the district profiles.
 *
 * Privacy first: no tile is requested until the visitor clicks "Show map"; the choice is kept in
 * localStorage and can be withdrawn with "Hide map". Leaflet comes from our own static files.
 * Markers differ by status (filled: running, hollow: completed); boundaries are drawn where a
 * profile has one. The list next to the map is plain HTML and works without this script.
 */
(function () {
    "use strict";

    var CONSENT_KEY = "sozialestadt.mapConsent";
    var STYLES = {
        laufend: { color: "#083f46", fillColor: "#0b5d66", fillOpacity: 0.9, weight: 2 },
        abgeschlossen: { color: "#4a5561", fillColor: "#ffffff", fillOpacity: 1, weight: 3, dashArray: "3 2" },
    };

    function hasConsent() {
        try {
            return window.localStorage.getItem(CONSENT_KEY) === "granted";
        } catch (error) {
            return false;
        }
    }

    function rememberConsent(granted) {
        try {
            if (granted) {
                window.localStorage.setItem(CONSENT_KEY, "granted");
            } else {
                window.localStorage.removeItem(CONSENT_KEY);
            }
        } catch (error) {
            /* Storage may be disabled; the map then asks again next time. */
        }
    }

    function popupContent(properties, labels) {
        var container = document.createElement("div");
        var title = document.createElement("p");
        title.className = "map-popup__title";
        title.textContent = properties.municipality + ": " + properties.title;
        var meta = document.createElement("p");
        meta.className = "map-popup__meta";
        meta.textContent = properties.status_label + ", " + properties.programme_label;
        var link = document.createElement("a");
        link.href = properties.url;
        link.textContent = labels.open;
        container.appendChild(title);
        container.appendChild(meta);
        container.appendChild(link);
        return container;
    }

    function showMap(section) {
        if (section.mapInstance) {
            return;
        }
        var data = section.dataset;
        var canvas = section.querySelector("[data-map-canvas]");
        section.querySelector("[data-map-consent]").hidden = true;
        section.querySelector("[data-map-footer]").hidden = false;
        canvas.hidden = false;

        var map = L.map(canvas, { scrollWheelZoom: false }).setView(
            [parseFloat(data.centerLat), parseFloat(data.centerLng)],
            parseInt(data.zoom, 10)
        );
        section.mapInstance = map;
        L.tileLayer(data.tileUrl, {
            attribution: data.tileAttribution,
            maxZoom: parseInt(data.maxZoom, 10),
            referrerPolicy: data.referrerPolicy,
        }).addTo(map);

        var labels = { open: data.labelOpen };
        fetch(data.geojsonUrl, { headers: { Accept: "application/geo+json" }, credentials: "same-origin" })
            .then(function (response) {
                if (!response.ok) {
                    throw new Error("GeoJSON " + response.status);
                }
                return response.json();
            })
            .then(function (collection) {
                var boundaries = collection.features.filter(function (f) { return f.properties.kind === "boundary"; });
                var locations = collection.features.filter(function (f) { return f.properties.kind === "location"; });
                L.geoJSON(boundaries, {
                    style: function (feature) {
                        var style = STYLES[feature.properties.status] || STYLES.laufend;
                        return { color: style.color, weight: 2, fillColor: style.color, fillOpacity: 0.12, className: "profile-area" };
                    },
                }).addTo(map);
                var markers = L.geoJSON(locations, {
                    pointToLayer: function (feature, latlng) {
                        var status = feature.properties.status;
                        var style = STYLES[status] || STYLES.laufend;
                        return L.circleMarker(latlng, Object.assign({ radius: 8, className: "profile-marker profile-marker--" + status }, style));
                    },
                    onEachFeature: function (feature, layer) {
                        layer.bindPopup(popupContent(feature.properties, labels));
                        layer.bindTooltip(feature.properties.municipality + ": " + feature.properties.title);
                    },
                }).addTo(map);
                if (locations.length) {
                    map.fitBounds(markers.getBounds(), { padding: [30, 30], maxZoom: 13 });
                }
                section.dataset.markerCount = String(locations.length);
                section.classList.add("is-loaded");
            })
            .catch(function () {
                section.classList.add("has-error");
            });
    }

    function hideMap(section) {
        rememberConsent(false);
        if (section.mapInstance) {
            section.mapInstance.remove();
            section.mapInstance = null;
        }
        section.querySelector("[data-map-canvas]").hidden = true;
        section.querySelector("[data-map-footer]").hidden = true;
        section.querySelector("[data-map-consent]").hidden = false;
        section.classList.remove("is-loaded");
    }

    function init() {
        document.querySelectorAll("[data-profile-map]").forEach(function (section) {
            section.querySelector("[data-map-consent-accept]").addEventListener("click", function () {
                rememberConsent(true);
                showMap(section);
            });
            section.querySelector("[data-map-consent-revoke]").addEventListener("click", function () {
                hideMap(section);
            });
            if (hasConsent()) {
                showMap(section);
            }
        });
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", init);
    } else {
        init();
    }
})();
