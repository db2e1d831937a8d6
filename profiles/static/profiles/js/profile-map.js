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
    // Boundary colours by status; the markers' look is in profiles.css (.profile-marker--*).
    var STYLES = {
        laufend: { color: "#083f46" },
        abgeschlossen: { color: "#4a5561" },
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

    function showMap(section, moveFocus) {
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
        if (moveFocus) {
            // The consent button just disappeared: keep the keyboard where the visitor is.
            canvas.focus();
        }
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
                // Markers are focusable buttons (Leaflet's keyboard option: Tab reaches them,
                // Enter opens the popup) named after their profile and status.
                var markers = L.geoJSON(locations, {
                    pointToLayer: function (feature, latlng) {
                        var properties = feature.properties;
                        var name = properties.municipality + ": " + properties.title;
                        var icon = L.divIcon({
                            className: "profile-marker profile-marker--" + (STYLES[properties.status] ? properties.status : "laufend"),
                            iconSize: [18, 18],
                            html: "",
                        });
                        var marker = L.marker(latlng, { icon: icon, keyboard: true, title: name });
                        marker.on("add", function () {
                            marker.getElement().setAttribute("aria-label", name + " (" + properties.status_label + ")");
                        });
                        return marker;
                    },
                    onEachFeature: function (feature, layer) {
                        layer.bindPopup(popupContent(feature.properties, labels));
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

    function hideMap(section, moveFocus) {
        rememberConsent(false);
        if (section.mapInstance) {
            section.mapInstance.remove();
            section.mapInstance = null;
        }
        section.querySelector("[data-map-canvas]").hidden = true;
        section.querySelector("[data-map-footer]").hidden = true;
        section.querySelector("[data-map-consent]").hidden = false;
        section.classList.remove("is-loaded");
        if (moveFocus) {
            section.querySelector("[data-map-consent-accept]").focus();
        }
    }

    function init() {
        document.querySelectorAll("[data-profile-map]").forEach(function (section) {
            section.querySelector("[data-map-consent-accept]").addEventListener("click", function () {
                rememberConsent(true);
                showMap(section, true);
            });
            section.querySelector("[data-map-consent-revoke]").addEventListener("click", function () {
                hideMap(section, true);
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
